"""Demo data, synthetic generators and benchmarks: `manage.py seed_demo` and
`manage.py benchmark`. Nothing else imports this app, so a deployment's code does
not depend on its fictional data."""
