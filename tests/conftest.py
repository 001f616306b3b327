import pytest

from tests.factories import World, world_create


@pytest.fixture
def world(db) -> World:
    return world_create()
