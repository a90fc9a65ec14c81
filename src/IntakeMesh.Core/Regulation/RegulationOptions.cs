using System.Text.Json.Serialization;

namespace IntakeMesh.Core.Regulation;

/// <summary>
/// The <c>Regulation</c> section: the calendars and rules regulatory clocks are counted with, the
/// product lines that are regulated whatever the channel, and when warnings fire.
/// </summary>
/// <remarks>
/// The shipped calendars and rules (<see cref="RegulationDefaults"/>) apply unless
/// <see cref="UseDefaults"/> is false. A configured calendar of a shipped name extends it (adds
/// holidays and make-up days, so a new year's arrangement keeps the shipped one). A configured rule
/// of a shipped name replaces it as a whole, since stages cannot be merged item by item. Neither is
/// bound over the shipped instances, because configuration binding appends list items to whatever a
/// list already holds.
/// </remarks>
public sealed partial class RegulationOptions
{
    public const string Section = "Regulation";

    /// <summary>The rule name of clocks that only have the record's own due date (the body matched no rule).</summary>
    public const string RecordRule = "record";

    public static readonly IReadOnlyList<double> DefaultWarningFractions = [0.75, 0.9];

    /// <summary>Whether the shipped calendars and rules apply. Default true.</summary>
    public bool UseDefaults { get; set; } = true;

    /// <summary>Calendars by name, e.g. <c>Regulation:Calendars:cn:Holidays:0</c>; new ones, or extensions of the shipped ones.</summary>
    public Dictionary<string, BusinessCalendar> Calendars { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Rules by name, e.g. <c>Regulation:Rules:uk-fca-disp:Stages:0:Days</c>; added to (or replacing) the shipped ones.</summary>
    public Dictionary<string, RegulatoryRule> Rules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Products whose complaints are regulated whatever the channel; the first line that matches wins.</summary>
    public List<RegulatedProductLine> ProductLines { get; set; } = [];

    /// <summary>
    /// Fractions of a stage's time at which a warning fires, each between 0 and 1, ascending. Null
    /// means 0.75 and 0.9 (an empty JSON array binds as null, too); an empty list set in code means
    /// no warnings, only breaches.
    /// </summary>
    public List<double>? WarningFractions { get; set; }

    /// <summary>
    /// The most clocks one incident holds. Beyond it the clocks with the latest (or no) open
    /// deadline are dropped and counted. Default 1024.
    /// </summary>
    public int MaxClocks { get; set; } = 1024;

    [JsonIgnore]
    public IReadOnlyList<double> EffectiveWarningFractions => WarningFractions ?? DefaultWarningFractions;

    /// <summary>The shipped calendars (unless turned off), extended by the configured ones, and the configured new ones.</summary>
    public Dictionary<string, BusinessCalendar> EffectiveCalendars()
    {
        var result = UseDefaults ? RegulationDefaults.Calendars() : new(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, configured) in Calendars)
        {
            result[name.Trim()] = result.TryGetValue(name.Trim(), out var shipped) ? shipped.ExtendedBy(configured) : configured;
        }
        return result;
    }

    /// <summary>The shipped rules (unless turned off), with configured ones added or replacing those of the same name.</summary>
    public Dictionary<string, RegulatoryRule> EffectiveRules()
    {
        var result = UseDefaults ? RegulationDefaults.Rules() : new(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, configured) in Rules)
        {
            // Remove first, so the configured spelling of the name is the one kept.
            result.Remove(name.Trim());
            result[name.Trim()] = configured;
        }
        return result;
    }
}
