using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Incidents.Board;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Host.Board;

/// <summary>
/// Reads a board query from a query string: <c>status=open|closed|all</c>, <c>tier=T3,T4</c>,
/// <c>channel=social,regulator</c>, <c>q=</c> subject text, <c>id=</c> one incident, <c>page=</c>
/// and <c>pageSize=</c>. Lists may be comma-separated or repeated; names are matched in any case.
/// </summary>
public static class BoardQueryBinding
{
    public static bool TryRead(IQueryCollection query, out BoardQuery board, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var status = BoardStatus.Open;
        if (query["status"].ToString() is { Length: > 0 } statusText && !Enum.TryParse(statusText, ignoreCase: true, out status))
        {
            errors["status"] = ["open, closed or all"];
        }
        var tiers = Names<Tier>(query["tier"], "tier", "T0 to T4", errors);
        var channels = Names<Channel>(query["channel"], "channel", "phone, email, social or regulator", errors);
        var page = Number(query["page"], "page", 1, errors);
        var pageSize = Number(query["pageSize"], "pageSize", BoardQuery.DefaultPageSize, errors);
        if (pageSize > BoardQuery.MaxPageSize)
        {
            errors["pageSize"] = [$"at most {BoardQuery.MaxPageSize}"];
        }
        board = new BoardQuery
        {
            Status = status,
            Tiers = tiers,
            Channels = channels,
            Text = query["q"].ToString(),
            IncidentId = query["id"].ToString() is { Length: > 0 } id ? id : null,
            Page = page,
            PageSize = pageSize,
        }.Normalized();
        return errors.Count == 0;
    }

    private static List<T> Names<T>(Microsoft.Extensions.Primitives.StringValues values, string name, string allowed, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        var parsed = new List<T>();
        foreach (var part in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Enum.TryParse<T>(part, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(part, out _))
            {
                parsed.Add(value);
            }
            else
            {
                errors[name] = [$"'{part}' is not one of {allowed}"];
            }
        }
        return parsed;
    }

    private static int Number(Microsoft.Extensions.Primitives.StringValues value, string name, int fallback, Dictionary<string, string[]> errors)
    {
        if (value.Count == 0 || string.IsNullOrWhiteSpace(value.ToString()))
        {
            return fallback;
        }
        if (int.TryParse(value.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= 1)
        {
            return number;
        }
        errors[name] = ["a whole number from 1"];
        return fallback;
    }
}
