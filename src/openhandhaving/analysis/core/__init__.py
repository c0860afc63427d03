"""The analysis methods, pure Python: numpy and scipy in, plain arrays and dataclasses out.

No Django here (a test checks): the command line runs these on any CSV, and the app's adapters
feed them from the database.
"""
