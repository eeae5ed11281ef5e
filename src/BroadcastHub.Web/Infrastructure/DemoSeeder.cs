using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Web.Infrastructure;

/// <summary>Optional demo data (flag <c>--seed-demo</c> or <c>BroadcastHub:SeedDemo=true</c>): a small province with
/// a few communes and their morning and evening sessions. Never runs silently, never twice.</summary>
public static class DemoSeeder
{
    public static bool SeedIfEmpty(IServiceProvider services, ILogger log)
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
        return true;
    }
}
