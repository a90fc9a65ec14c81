namespace IntakeMesh.Core.Incidents;

/// <summary>What the practice prescribes at each tier (domain.md §2, §4–6).</summary>
public static class Playbooks
{
    public static string For(Tier tier) => tier switch
    {
        Tier.T0 => "Accept, handle, reply and follow up within the standard deadline; record the complaint in the standard template.",
        Tier.T1 => "Handle the emotion first, then the matter; stop any loss still happening at once; a named owner replies within the deadline.",
        Tier.T2 => "A group complaint is forming: handle the starter first and one-to-one; keep customers from linking up; do not tell one customer another's outcome.",
        Tier.T3 => "Collective response or exposure: report to after-sales and PR at once; record any media contact (outlet, programme, reporter, phone) and hand it to PR; meet every regulator due date.",
        Tier.T4 => "Crisis: emergency response across departments now; PR sets the crisis level; stop the harm, keep evidence, meet regulator due dates, one spokesperson.",
        _ => "",
    };
}
