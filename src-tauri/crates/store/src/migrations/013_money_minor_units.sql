-- Budgets were whole hundredths of the unit for every currency; from here on they are minor
-- units as ISO 4217 counts them: whole units for currencies without decimals (a yen budget of
-- 120000 hundredths becomes 1200 yen, rounded half up), thousandths for those with three
-- (12.50 dinars, 1250 hundredths, become 12500 thousandths), hundredths for everything else.
-- The lists are the ones this version knows, written out so this migration never changes.
UPDATE initiative
SET budget_minor = CASE
        WHEN currency IN ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF',
                          'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF')
            THEN (budget_minor + 50) / 100
        WHEN currency IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND')
            THEN budget_minor * 10
        ELSE budget_minor
    END
WHERE budget_minor IS NOT NULL;

-- Initiatives in the Trash keep their row as JSON ({"deleted": [{"table", "row"}…]}): their
-- budgets are converted the same way, so a restore brings back the amount that was deleted.
UPDATE trash
SET contents = json_set(contents, '$.deleted', (
        SELECT json_group_array(json(CASE
                WHEN json_extract(d.value, '$.table') = 'initiative'
                     AND json_type(d.value, '$.row.budget_minor') = 'integer'
                    THEN json_set(d.value, '$.row.budget_minor', CASE
                        WHEN json_extract(d.value, '$.row.currency') IN
                             ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG',
                              'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF')
                            THEN (json_extract(d.value, '$.row.budget_minor') + 50) / 100
                        WHEN json_extract(d.value, '$.row.currency') IN
                             ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND')
                            THEN json_extract(d.value, '$.row.budget_minor') * 10
                        ELSE json_extract(d.value, '$.row.budget_minor')
                    END)
                ELSE d.value
            END) ORDER BY d.key)
        FROM json_each(contents, '$.deleted') AS d
    ))
WHERE json_valid(contents)
  AND EXISTS (
        SELECT 1 FROM json_each(contents, '$.deleted') AS d
        WHERE json_extract(d.value, '$.table') = 'initiative'
          AND json_type(d.value, '$.row.budget_minor') = 'integer'
    );
