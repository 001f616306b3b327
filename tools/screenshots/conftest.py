"""`make screenshots` uses the browser fixtures of the test suite."""

from tests.browser.conftest import browser, open_page  # noqa: F401
from tests.conftest import world  # noqa: F401
