namespace IntakeMesh.Core.Regulation;

/// <summary>
/// Starts, checks, stops and merges regulatory clocks by the configured rules. Stateless apart from
/// the options: the clocks live in the incident's <see cref="RegulatoryClockSet"/>.
/// </summary>
public sealed partial class RegulatoryClocks
{
    private readonly Dictionary<string, BusinessCalendar> _calendars;
    private readonly Dictionary<string, RegulatoryRule> _rules;
    private readonly List<RegulatedProductLine> _productLines;
    private readonly int _maxClocks;

    /// <summary>Takes the options as they are now; throws when <see cref="RegulationOptions.Validate"/> finds problems.</summary>
    public RegulatoryClocks(RegulationOptions options)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid regulation options: " + string.Join("; ", errors), nameof(options));
        }
        _calendars = options.EffectiveCalendars();
        _rules = options.EffectiveRules();
        _productLines = [.. options.ProductLines];
        _maxClocks = options.MaxClocks;
        WarningFractions = [.. options.EffectiveWarningFractions];
    }

    public IReadOnlyDictionary<string, BusinessCalendar> Calendars => _calendars;

    public IReadOnlyDictionary<string, RegulatoryRule> Rules => _rules;

    public IReadOnlyList<double> WarningFractions { get; }

    /// <summary>
    /// The clock of a newly received complaint or case, or null when no rule applies and the record
    /// has no due date of its own. A regulated product line wins over the body (the FCA handles both
    /// DISP and payment-services complaints; only the product tells them apart). The record's own
    /// <paramref name="recordDueAt"/> replaces the rule's last stage (the final response).
    /// </summary>
    public RegulatoryClock? Start(string? regulatorBody, string? productBrand, string? product, string caseRef,
        DateTimeOffset receivedAt, DateTimeOffset? recordDueAt)
    {
        var body = string.IsNullOrWhiteSpace(regulatorBody) ? null : regulatorBody.Trim();
        var ruleName = RuleFor(body, productBrand, product);
        if (ruleName is null && recordDueAt is null)
        {
            // Most complaints: asked about every one, so nothing is allocated for them.
            return null;
        }
        var clock = new RegulatoryClock { CaseRef = caseRef, Body = body, ReceivedAt = receivedAt };
        if (ruleName is null)
        {
            clock.Rule = RegulationOptions.RecordRule;
            clock.Stages.Add(new StageDeadline { Name = "final", StartsAt = receivedAt, StopsOn = StopCondition.Resolved });
        }
        else
        {
            var rule = _rules[ruleName];
            var calendar = _calendars[rule.Calendar.Trim()];
            clock.Rule = ruleName;
            clock.Stages.AddRange(rule.Stages.Select(stage => new StageDeadline
            {
                Name = stage.Name.Trim(),
                After = stage.After?.Trim(),
                // A stage that counts from an earlier one counts from receipt until that one stops.
                StartsAt = receivedAt,
                DueAt = calendar.Add(receivedAt, stage.Days, stage.Unit),
                StopsOn = stage.StopsOn,
            }));
        }
        if (recordDueAt is { } due)
        {
            clock.Stages[^1].DueAt = due;
            clock.Stages[^1].FromRecord = true;
        }
        return clock;
    }

    /// <summary>The rule's name for a complaint: the first matching product line's, else the body's, else null.</summary>
    public string? RuleFor(string? regulatorBody, string? productBrand, string? product)
    {
        foreach (var line in _productLines)
        {
            if (line.Matches(productBrand, product) && _rules.ContainsKey(line.Rule.Trim()))
            {
                return NameOf(line.Rule.Trim());
            }
        }
        if (string.IsNullOrWhiteSpace(regulatorBody))
        {
            return null;
        }
        // The longest alias named in the body wins ("Financial Ombudsman" over a shorter one); then the name.
        return _rules
            .SelectMany(rule => rule.Value.Bodies.Where(alias => Mentions(regulatorBody, alias)).Select(alias => (rule.Key, alias.Trim().Length)))
            .OrderByDescending(match => match.Length).ThenBy(match => match.Key, StringComparer.Ordinal)
            .Select(match => match.Key)
            .FirstOrDefault();
    }

    /// <summary>
    /// True when <paramref name="body"/> contains <paramref name="alias"/>, ignoring case. Where the
    /// alias starts or ends with a Latin letter or digit, it must not run into one in the body, so that
    /// "FCA" matches "FCA (UK)" but not "FCAB", while "市场监督管理" matches "上海市市场监督管理局".
    /// </summary>
    public static bool Mentions(string body, string alias)
    {
        alias = alias.Trim();
        if (alias.Length == 0)
        {
            return false;
        }
        for (var at = body.IndexOf(alias, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = body.IndexOf(alias, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + alias.Length;
            var runsInBefore = char.IsAsciiLetterOrDigit(alias[0]) && at > 0 && char.IsAsciiLetterOrDigit(body[at - 1]);
            var runsInAfter = char.IsAsciiLetterOrDigit(alias[^1]) && end < body.Length && char.IsAsciiLetterOrDigit(body[end]);
            if (!runsInBefore && !runsInAfter)
            {
                return true;
            }
        }
        return false;
    }

    // The rule's name as configured, whatever case the product line wrote it in.
    private string NameOf(string rule) => _rules.Keys.First(k => string.Equals(k, rule, StringComparison.OrdinalIgnoreCase));

    // The rule stage and calendar a clock's stage was made from; null when the rule has since gone from the configuration.
    private (StageRule Rule, BusinessCalendar Calendar)? Origin(RegulatoryClock clock, StageDeadline stage)
    {
        if (!_rules.TryGetValue(clock.Rule, out var rule) || !_calendars.TryGetValue(rule.Calendar.Trim(), out var calendar))
        {
            return null;
        }
        var stageRule = rule.Stages.Find(s => string.Equals(s.Name.Trim(), stage.Name, StringComparison.OrdinalIgnoreCase));
        return stageRule is null ? null : (stageRule, calendar);
    }
}
