"""The Streamlit dashboard: widgets wired to the core, the store and the report layer."""
