namespace BroadcastHub.Core.Library;

/// <summary>Approval state of a bulletin.</summary>
public enum BulletinStatus
{
    /// <summary>Uploaded, chờ phê duyệt.</summary>
    PendingApproval,
    /// <summary>Đã phê duyệt: may be booked and aired within its validity window.</summary>
    Approved,
    /// <summary>Bị từ chối, with a reason.</summary>
    Rejected,
}
