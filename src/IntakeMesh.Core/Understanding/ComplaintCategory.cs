namespace IntakeMesh.Core.Understanding;

/// <summary>
/// What a complaint is about: the complaint-subject taxonomy of the practice (domain guide §1),
/// extended with the after-sales playbook's logistics and the billing disputes banks and telecoms see.
/// </summary>
public enum ComplaintCategory
{
    /// <summary>Defects, malfunctions and poor quality of the product or of the core service delivered.</summary>
    ProductQuality,
    /// <summary>How staff behaved and how customer service responded: rudeness, being ignored or passed around.</summary>
    ServiceAttitude,
    /// <summary>Harm or danger to person or property: fire, injury, poisoning, brake failure.</summary>
    Safety,
    /// <summary>Short weight or short measure (计量问题, 缺斤少两).</summary>
    ShortMeasure,
    /// <summary>Price problems: overcharging against the list price, price fraud, undisclosed price rises.</summary>
    Price,
    /// <summary>Forced purchase or bundled consumption (强制消费).</summary>
    ForcedPurchase,
    /// <summary>False or misleading advertising (虚假宣传).</summary>
    FalseAdvertising,
    /// <summary>Failure to inform the customer of terms, risks or changes (未履行告知义务).</summary>
    FailureToInform,
    /// <summary>Violation of privacy, dignity or personal rights: data leaks, harassment, humiliation.</summary>
    PrivacyAndDignity,
    /// <summary>Defective or missing facilities on the premises.</summary>
    Facilities,
    /// <summary>Gifts and freebies that were promised and not given, or were faulty.</summary>
    Gifts,
    /// <summary>Remote and online sales irregularities (非现场交易不规范): returns refused, orders voided.</summary>
    RemoteSales,
    /// <summary>Logistics and delivery: late, lost or damaged shipments and baggage.</summary>
    Logistics,
    /// <summary>Wrong, duplicate or unauthorised charges on bills and statements.</summary>
    Billing,
    /// <summary>Anything the taxonomy above does not cover.</summary>
    Other,
}
