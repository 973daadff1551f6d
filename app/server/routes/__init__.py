"""HTTP routes of the team server."""
