-- The analytics read model (issue #17, ADR 0015): every figure of a climber's whole logbook,
-- folded, one row per figure and way of counting sends, replaced in the transaction of every
-- write that changes a tick (LogbookChangeListener). A page asking about the whole logbook
-- reads one row by its primary key instead of folding every tick.
CREATE TABLE logbook_figure (
    owner_id      uuid        NOT NULL REFERENCES identity.account (id),
    counting      text        NOT NULL CHECK (counting IN ('LEADS_AND_BOULDERS', 'LEADS_TOP_ROPES_AND_FOLLOWS')),
    -- Which figure: 'overview', 'days', ..., 'first-sends:sport' (WholeLogbookFigure).
    figure        text        NOT NULL,
    -- The figure as the logbook's API answered it, as JSON (the module's records).
    body          json        NOT NULL,
    -- The rules that computed it (ReadModelRules.VERSION): a row of older rules is not read,
    -- and the rebuild replaces it.
    rules_version integer     NOT NULL,
    -- The last day on which the figure holds as it is: the overview's recent hard sends leave
    -- out ticks dated after tomorrow, so a logbook with such ticks changes without a write.
    -- Null: until the next write.
    valid_through date,
    computed_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (owner_id, counting, figure)
);

-- One row: the rules the read model was last rebuilt for, and an operator's request to rebuild
-- it again (app/ops/rebuild-analytics.sh). A periodic sweep on any instance starts the rebuild
-- through the job queue when either says so.
CREATE TABLE read_model_rebuild (
    singleton     boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    rules_version integer     NOT NULL DEFAULT 0,
    requested_at  timestamptz,
    started_at    timestamptz
);
INSERT INTO read_model_rebuild DEFAULT VALUES;
