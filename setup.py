"""Packaging detail pyproject.toml cannot say: templates/ and runtime/ live at the top of the
repository, where contributors look for them, and ship inside the package as
`generator._templates` and `generator._runtime`, so an installed specgen (pre-commit,
`pip install git+...`) renders without a checkout."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["generator*"]) + ["generator._templates", "generator._runtime"],
    package_dir={"generator._templates": "templates", "generator._runtime": "runtime"},
)
