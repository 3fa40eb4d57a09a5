"""Offline checks of the deployment files, one module per concern (deploy/check_config.py runs them)."""
