"""Summit Outlook's pure core: rules -> matches -> statement scores -> outlook series."""
