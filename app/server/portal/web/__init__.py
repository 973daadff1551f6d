"""The portal's Flet web screens: state in observable dataclasses, one view per file."""
