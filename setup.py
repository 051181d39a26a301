"""Packaging detail pyproject.toml cannot say: templates/ lives at the top of the repository,
where contributors look for it, and ships inside the package as `generator._templates`, so an
installed specgen (pre-commit, `pip install git+...`) renders without a checkout."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["generator*"]) + ["generator._templates"],
    package_dir={"generator._templates": "templates"},
)
