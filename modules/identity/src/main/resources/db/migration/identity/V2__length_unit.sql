-- How the climber reads lengths: feet (Mountain Project's unit, the default) or metres.
ALTER TABLE account ADD COLUMN length_unit text NOT NULL DEFAULT 'ft' CHECK (length_unit IN ('ft', 'm'));
