"""On PostgreSQL a signed journal entry cannot be changed or deleted: a trigger refuses it."""

from django.db import migrations

CREATE = """
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
CREATE TRIGGER journals_signed_entries_frozen
    BEFORE UPDATE OR DELETE ON journals_journalentry
    FOR EACH ROW EXECUTE FUNCTION journals_refuse_signed_change();
"""

DROP = """
DROP TRIGGER IF EXISTS journals_signed_entries_frozen ON journals_journalentry;
DROP FUNCTION IF EXISTS journals_refuse_signed_change();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("journals", "0001_initial")]
    operations = [migrations.RunPython(create_trigger, drop_trigger, elidable=False)]
