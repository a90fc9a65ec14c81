namespace IntakeMesh.Core.Regulation;

/// <summary>
/// The calendars and rules IntakeMesh ships. Each call returns new instances, so callers may change
/// them. A configured calendar of the same name extends the shipped one; a configured rule replaces it.
/// </summary>
public static class RegulationDefaults
{
    public const string China = "cn";
    public const string UnitedKingdom = "uk";
    public const string UnitedStates = "us";

    public static Dictionary<string, BusinessCalendar> Calendars() => new(StringComparer.OrdinalIgnoreCase)
    {
        // 国务院办公厅关于2026年部分节假日安排的通知 (published 4 November 2025): the days off, and the
        // weekend days worked in exchange. Later years must be configured when the State Council publishes them.
        [China] = new()
        {
            TimeZone = "Asia/Shanghai",
            Holidays =
            [
                .. Run(2026, 1, 1, 3),   // 元旦
                .. Run(2026, 2, 15, 9),  // 春节
                .. Run(2026, 4, 4, 3),   // 清明节
                .. Run(2026, 5, 1, 5),   // 劳动节
                .. Run(2026, 6, 19, 3),  // 端午节
                .. Run(2026, 9, 25, 3),  // 中秋节
                .. Run(2026, 10, 1, 7),  // 国庆节
            ],
            WorkingDays =
            [
                new(2026, 1, 4), new(2026, 2, 14), new(2026, 2, 28), new(2026, 5, 9), new(2026, 9, 20), new(2026, 10, 10),
            ],
        },
        // Bank holidays are not shipped: they differ between the UK's nations and must be configured.
        [UnitedKingdom] = new() { TimeZone = "Europe/London" },
        // CFPB periods are calendar days; the bureau is in Washington, D.C.
        [UnitedStates] = new() { TimeZone = "America/New_York" },
    };

    public static Dictionary<string, RegulatoryRule> Rules() => new(StringComparer.OrdinalIgnoreCase)
    {
        // 市场监督管理投诉举报处理暂行办法 (SAMR Order No. 20 of 2019, as amended in 2022): the decision to accept a complaint or not
        // within 7 working days of its receipt (Art. 14); mediation ends when no agreement is reached
        // within 45 working days of acceptance (Art. 21).
        ["cn-samr"] = new()
        {
            Bodies = ["SAMR", "12315", "市场监管", "市场监督管理", "State Administration for Market Regulation"],
            Calendar = China,
            Stages =
            [
                new() { Name = "acceptance", Days = 7, Unit = DayUnit.WorkingDays, StopsOn = StopCondition.Acknowledged },
                new() { Name = "mediation", Days = 45, Unit = DayUnit.WorkingDays, After = "acceptance" },
            ],
        },
        // FCA Handbook DISP 1.6.2R: a final (or holding) response by the end of eight weeks after receipt.
        ["uk-fca-disp"] = new()
        {
            Bodies = ["FCA", "Financial Conduct Authority", "Financial Ombudsman"],
            Calendar = UnitedKingdom,
            Stages = [new() { Name = "final", Days = 8 * 7 }],
        },
        // FCA Handbook DISP 1.6.2AR: payment services and e-money complaints get a final response within
        // 15 business days of receipt, or 35 in exceptional circumstances (with a holding response).
        // No bodies: it applies through a regulated product line, since the FCA handles both kinds.
        ["uk-fca-payments"] = new()
        {
            Calendar = UnitedKingdom,
            Stages = [new() { Name = "final", Days = 15, Unit = DayUnit.WorkingDays, ExceptionalDays = 35 }],
        },
        // CFPB Company Portal Manual: companies respond within 15 calendar days of the complaint being
        // sent to them, and give a final response within 60 calendar days when it was "in progress".
        ["us-cfpb"] = new()
        {
            Bodies = ["CFPB", "Consumer Financial Protection Bureau"],
            Calendar = UnitedStates,
            Stages =
            [
                new() { Name = "response", Days = 15, StopsOn = StopCondition.Acknowledged },
                new() { Name = "final", Days = 60 },
            ],
        },
    };

    private static IEnumerable<DateOnly> Run(int year, int month, int day, int days) =>
        Enumerable.Range(0, days).Select(i => new DateOnly(year, month, day).AddDays(i));
}
