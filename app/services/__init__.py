"""Use cases shared by the tablet app and the CLI: one module per concern, typed with the real Store.

Services take plain values and return small frozen dataclasses holding data (dates, codes), never
screen words: app/ui/presenters.py words them. No Flet here; unit tests call them directly.
"""
