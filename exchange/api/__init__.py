"""The JSON API: every resource the pages edit, read and written through the same forms,
permissions, version checks and history as the pages (README "API")."""
