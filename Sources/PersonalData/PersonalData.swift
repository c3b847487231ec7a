// PersonalData stage; see docs/architecture.md.
