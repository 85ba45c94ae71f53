"""The compiled copy of the clause reader (setup.py builds it here; model/native.py picks it)."""
