namespace IntakeMesh.Core.Regulation;

/// <summary>The checks of the <c>Regulation</c> section, each naming the configuration key at fault.</summary>
public sealed partial class RegulationOptions
{
    /// <summary>Every problem with the section (shipped defaults included), or none.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var calendars = EffectiveCalendars();
        var rules = EffectiveRules();
        ValidateFractions(errors);
        if (MaxClocks < 1)
        {
            errors.Add($"{Section}:MaxClocks must be at least 1, not {MaxClocks}");
        }
        foreach (var (name, calendar) in calendars)
        {
            ValidateCalendar($"{Section}:Calendars:{name}", calendar, errors);
        }
        foreach (var (name, rule) in rules)
        {
            ValidateRule(name, rule, calendars, errors);
        }
        for (var i = 0; i < ProductLines.Count; i++)
        {
            var line = ProductLines[i];
            var at = $"{Section}:ProductLines:{i}";
            if (string.IsNullOrWhiteSpace(line.Brand) && string.IsNullOrWhiteSpace(line.Product))
            {
                errors.Add($"{at} must set Brand, Product or both");
            }
            if (!rules.ContainsKey(line.Rule?.Trim() ?? ""))
            {
                errors.Add($"{at}:Rule '{line.Rule}' is not a known rule (known: {Known(rules.Keys)})");
            }
        }
        return errors;
    }

    private void ValidateFractions(List<string> errors)
    {
        var fractions = EffectiveWarningFractions;
        for (var i = 0; i < fractions.Count; i++)
        {
            if (!(fractions[i] > 0 && fractions[i] < 1))
            {
                errors.Add($"{Section}:WarningFractions:{i} must be between 0 and 1 (both excluded), not {fractions[i]}");
            }
            else if (i > 0 && fractions[i] <= fractions[i - 1])
            {
                errors.Add($"{Section}:WarningFractions must ascend without repeats, e.g. [0.75, 0.9], not [{string.Join(", ", fractions)}]");
            }
        }
    }

    private static void ValidateCalendar(string at, BusinessCalendar calendar, List<string> errors)
    {
        if (!BusinessCalendar.TryFindZone(calendar.EffectiveTimeZone, out _))
        {
            errors.Add($"{at}:TimeZone '{calendar.EffectiveTimeZone}' is not a time zone known on this machine; use an IANA id such as Asia/Shanghai");
        }
        if (calendar.EffectiveWeekendDays.Any(d => !Enum.IsDefined(d)))
        {
            errors.Add($"{at}:WeekendDays must be day names such as Saturday");
        }
        else if (calendar.EffectiveWeekendDays.Distinct().Count() == 7)
        {
            errors.Add($"{at}:WeekendDays leaves no working day in the week");
        }
        foreach (var day in calendar.Holidays.Intersect(calendar.WorkingDays))
        {
            errors.Add($"{at}: {day:yyyy-MM-dd} is both in Holidays and in WorkingDays");
        }
    }

    private static void ValidateRule(string name, RegulatoryRule rule, Dictionary<string, BusinessCalendar> calendars, List<string> errors)
    {
        var at = $"{Section}:Rules:{name}";
        if (string.Equals(name, RecordRule, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{at}: the name '{RecordRule}' is reserved for clocks that only have the record's own due date");
        }
        if (!calendars.ContainsKey(rule.Calendar?.Trim() ?? ""))
        {
            errors.Add($"{at}:Calendar '{rule.Calendar}' is not a known calendar (known: {Known(calendars.Keys)})");
        }
        for (var i = 0; i < rule.Bodies.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(rule.Bodies[i]))
            {
                errors.Add($"{at}:Bodies:{i} must not be empty");
            }
        }
        if (rule.Stages.Count == 0)
        {
            errors.Add($"{at}:Stages must list at least one stage");
        }
        var earlier = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rule.Stages.Count; i++)
        {
            ValidateStage($"{at}:Stages:{i}", rule.Stages[i], earlier, errors);
            earlier.Add(rule.Stages[i].Name?.Trim() ?? "");
        }
    }

    private static void ValidateStage(string at, StageRule stage, HashSet<string> earlier, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(stage.Name))
        {
            errors.Add($"{at}:Name must not be empty");
        }
        else if (earlier.Contains(stage.Name.Trim()))
        {
            errors.Add($"{at}:Name '{stage.Name}' is used by an earlier stage of the rule");
        }
        if (stage.Days <= 0)
        {
            errors.Add($"{at}:Days must be positive, not {stage.Days}");
        }
        if (stage.ExceptionalDays is { } exceptional && exceptional <= stage.Days)
        {
            errors.Add($"{at}:ExceptionalDays must be longer than Days ({stage.Days}), not {exceptional}");
        }
        if (!Enum.IsDefined(stage.Unit))
        {
            errors.Add($"{at}:Unit must be CalendarDays or WorkingDays");
        }
        if (!Enum.IsDefined(stage.StopsOn))
        {
            errors.Add($"{at}:StopsOn must be Acknowledged or Resolved");
        }
        if (stage.After is { } after && !earlier.Contains(after.Trim()))
        {
            errors.Add($"{at}:After '{after}' must name an earlier stage of the same rule");
        }
    }

    private static string Known(IEnumerable<string> names) => string.Join(", ", names.Order(StringComparer.Ordinal));
}
