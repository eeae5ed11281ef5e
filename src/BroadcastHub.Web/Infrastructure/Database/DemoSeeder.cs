using BroadcastHub.Core.Access;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Users;
using BroadcastHub.Web.Infrastructure.Auth;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Infrastructure.Database;

/// <summary>Optional demo data (flag <c>--seed-demo</c> or <c>BroadcastHub:SeedDemo=true</c>): a small province with
/// a few communes and their morning and evening sessions, and a supervisor and an operator of the centre so a newcomer
/// can try the whole workflow (upload, approve, book, review). Never runs silently, never twice.</summary>
public static class DemoSeeder
{
    /// <summary>User name of the demo supervisor (lãnh đạo duyệt).</summary>
    public const string SupervisorName = "lanhdao";

    /// <summary>User name of the demo operator (biên tập).</summary>
    public const string OperatorName = "bientap";

    /// <summary>
    /// Creates the demo data when there are no units and communes yet; prints the demo users' random passwords once to
    /// <paramref name="console"/> (never to the log). Returns whether it created anything.
    /// </summary>
    public static bool SeedIfEmpty(IServiceProvider services, ILogger log, TextWriter console)
    {
        var places = services.GetRequiredService<PlacesRepository>();
        if (places.ListCommunes().Count > 0 || places.ListUnits().Count > 0) return false;
        var sessions = services.GetRequiredService<SessionRepository>();
        var province = places.CreateUnit("Tỉnh Hà Giang (demo)", null);
        var centre = places.CreateUnit("Trung tâm VH-TT-TT huyện Đồng Văn (demo)", province.Id);
        foreach (var name in new[] { "Xã Lũng Cú", "Xã Sủng Là", "Thị trấn Đồng Văn" })
        {
            var commune = places.CreateCommune(name, centre.Id);
            places.AddCluster(commune.Id, "Cụm loa trung tâm");
            places.AddCluster(commune.Id, "Cụm loa thôn 1");
            sessions.Create(commune.Id, IsoWeekdays.Every, new TimeOnly(5, 30), 30);
            sessions.Create(commune.Id, IsoWeekdays.Every, new TimeOnly(17, 0), 30);
        }
        log.LogInformation("Demo data created: {Province} with 3 communes and their 05:30 and 17:00 sessions", province.Name);
        CreateDemoUsers(services, centre.Id, console);
        return true;
    }

    private static void CreateDemoUsers(IServiceProvider services, long unitId, TextWriter console)
    {
        var users = services.GetRequiredService<UserRepository>();
        var accounts = services.GetRequiredService<AccountService>();
        // Whoever reads the console knows these passwords, as with the first administrator's: good for one change only.
        var mustChange = services.GetRequiredService<IOptions<AuthOptions>>().Value.RequireFirstPasswordChange;
        var change = mustChange ? "must be changed at first sign-in" : "change it after signing in";
        foreach (var (userName, role) in new[] { (SupervisorName, Roles.Supervisor), (OperatorName, Roles.Operator) })
        {
            if (users.FindByName(userName) is not null)
            {
                console.WriteLine($"Demo {role.ToLowerInvariant()} not created: user '{userName}' already exists.");
                continue;
            }
            var password = RandomPasswords.Create();
            accounts.CreateUser(userName, password, role, unitId, mustChange);
            console.WriteLine($"Demo {role.ToLowerInvariant()} created: user '{userName}', password '{password}' (shown only now; {change}).");
        }
    }
}
