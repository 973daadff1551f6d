"""The base portal: people (accounts, sessions), the review queue, supervision, chronology, figures.

Services here are plain functions over a SQLAlchemy session; the Flet web views in
`app.server.portal.web` call them and never touch the database themselves.
"""
