// Site stage; see docs/architecture.md.
