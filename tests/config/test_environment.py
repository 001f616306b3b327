"""`.env.example` names every environment variable the settings read."""

import re

from bistand.config.environment import PROJECT_ROOT

READ = re.compile(r'env_(?:str|bool|int|list)\(\s*"([A-Z0-9_]+)"')


def test_env_example_lists_every_variable_the_settings_read() -> None:
    settings_dir = PROJECT_ROOT / "src" / "bistand" / "config"
    read = {
        name
        for path in settings_dir.rglob("*.py")
        for name in READ.findall(path.read_text(encoding="utf-8"))
    }
    example = PROJECT_ROOT / ".env.example"
    listed = {
        line.split("=", 1)[0]
        for line in example.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    assert read, "no settings read from the environment were found"
    assert sorted(read - listed) == []
