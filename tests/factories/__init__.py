"""The one place where tests build model objects: a factory_boy factory per model,
one module per app. Defaults hold only what makes an object valid; a test passes
the values its assertions depend on. Fixtures in conftest.py build through these.
"""
