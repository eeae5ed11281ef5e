namespace BroadcastHub.Core.Access;

/// <summary>The three roles of BroadcastHub users.</summary>
public static class Roles
{
    /// <summary>Sets up units, communes, stations, users; sees everything.</summary>
    public const string Admin = "Admin";
    /// <summary>Approves or rejects bulletins and answers for what aired.</summary>
    public const string Supervisor = "Supervisor";
    /// <summary>Uploads bulletins and books them into sessions.</summary>
    public const string Operator = "Operator";

    /// <summary>All roles, for validation.</summary>
    public static readonly IReadOnlyList<string> All = [Admin, Supervisor, Operator];

    /// <summary>Roles allowed to approve or reject content.</summary>
    public const string Approvers = Admin + "," + Supervisor;
}
