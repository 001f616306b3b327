"""The Redis cache keeps one client per connection pool and still reads and writes."""

import uuid

import pytest
import redis

from bistand.config.cache import RedisCache

REDIS_URL = "redis://127.0.0.1:6379/14"


@pytest.fixture
def redis_cache() -> RedisCache:
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_URL}")
    return RedisCache(REDIS_URL, {})


def test_the_client_is_built_once_and_reused(redis_cache: RedisCache) -> None:
    client = redis_cache._cache.get_client()

    assert redis_cache._cache.get_client(write=True) is client
    assert redis_cache._cache.get_client("another key") is client


def test_values_round_trip_through_the_reused_client(redis_cache: RedisCache) -> None:
    key = f"test-{uuid.uuid4()}"

    redis_cache.set(key, {"session": "data"}, timeout=30)
    first = redis_cache.get(key)
    redis_cache.delete(key)

    assert first == {"session": "data"}
    assert redis_cache.get(key) is None
