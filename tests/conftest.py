import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
#: The seed document, kept byte for byte in seeds/ (samples/afp-baghdad-drones/mt.en.txt is a copy).
SEED = os.path.join(ROOT, "seeds", "000_91226710ddc3b58b.txt")


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite golden output files")


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch):
    """The suite behaves the same on a GitHub runner: --format auto is not github there,
    and no step summary is appended to the runner's file."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


try:  # the fuzz tests' budget: small by default, larger in CI (CI=true), fixed by a profile
    from hypothesis import HealthCheck, settings

    settings.register_profile("default", max_examples=30, deadline=None,
                              suppress_health_check=[HealthCheck.too_slow])
    settings.register_profile("ci", max_examples=400, deadline=None, derandomize=True,
                              suppress_health_check=[HealthCheck.too_slow])
    settings.load_profile(os.environ.get("TQCHECK_HYPOTHESIS_PROFILE")
                          or ("ci" if os.environ.get("CI") == "true" else "default"))
except ImportError:  # pragma: no cover - hypothesis is in the test extra
    pass
