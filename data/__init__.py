"""The bundled data: rules, presets, extraction rules, statements and their source article."""
