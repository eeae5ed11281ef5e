namespace BroadcastHub.Web.Features.Library;

/// <summary>Approval settings, bound from <c>BroadcastHub:Approval</c>.</summary>
public sealed class ApprovalOptions
{
    public const string Section = "BroadcastHub:Approval";

    /// <summary>Four eyes: whoever uploaded a bulletin cannot approve it (on unless turned off).</summary>
    public bool FourEyes { get; set; } = true;
}
