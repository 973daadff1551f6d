"""Suite-wide test settings."""

from hypothesis import HealthCheck, settings

# CI runs on 2 shared cores: never fail a property test on timing.
settings.register_profile("safesleep", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("safesleep")
