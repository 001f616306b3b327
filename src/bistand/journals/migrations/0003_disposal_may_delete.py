"""Records disposal (SoL 16 kap. 1 §) may delete signed journal entries, and only it: the
disposal command sets bistand.records_disposal for its own transaction."""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION journals_refuse_signed_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('bistand.records_disposal', true) = 'on' THEN
        RETURN OLD;
    END IF;
    IF OLD.signed_at IS NOT NULL THEN
        RAISE EXCEPTION USING
            MESSAGE = 'a signed journal entry cannot be changed: ' || TG_OP || ' refused',
            ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""

PREVIOUS = """
CREATE OR REPLACE FUNCTION journals_refuse_signed_change() RETURNS trigger AS $$
BEGIN
    IF OLD.signed_at IS NOT NULL THEN
        RAISE EXCEPTION USING
            MESSAGE = 'a signed journal entry cannot be changed: ' || TG_OP || ' refused',
            ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PREVIOUS)


class Migration(migrations.Migration):
    dependencies = [("journals", "0002_signed_entries_frozen")]
    operations = [migrations.RunPython(forward, backward, elidable=False)]
