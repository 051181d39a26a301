"""specgen: cloud API doc pages in; specs, OpenAPI, validators, clients and mocks out."""
