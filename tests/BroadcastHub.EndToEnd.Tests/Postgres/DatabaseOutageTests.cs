using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Web.Tests.EndToEnd;
using BroadcastHub.Web.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.Postgres;

/// <summary>The database goes away under a running node: requests get 503 database_unavailable, then it recovers by itself.</summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task While_the_database_refuses_connections_the_API_answers_503_with_a_code_and_recovers_when_it_returns()
    {
        using var database = new TestPostgresDatabase();
        await using var app = new AppProcess(new Dictionary<string, string>
        {
            ["BroadcastHub__Database__Provider"] = "postgres",
            ["ConnectionStrings__BroadcastHub"] = database.ConnectionString,
        });
        await app.StartAsync();
        await app.SignInAsync();
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync("/api/communes")).StatusCode);

            Admin($"ALTER DATABASE {database.Name} ALLOW_CONNECTIONS false");
            Admin($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database.Name}'");
            var down = await app.Http.GetAsync("/api/communes");
            var body = await down.Content.ReadAsStringAsync();
            Assert.True(down.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)down.StatusCode}: {body}");
            Assert.Equal("database_unavailable", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());

            Admin($"ALTER DATABASE {database.Name} ALLOW_CONNECTIONS true");
            var deadline = DateTime.UtcNow.AddSeconds(20);
            HttpStatusCode status;
            do
            {
                status = (await app.Http.GetAsync("/api/communes")).StatusCode;
                if (status == HttpStatusCode.OK) break;
                await Task.Delay(250);
            }
            while (DateTime.UtcNow < deadline);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(HttpStatusCode.Created,
                (await app.Http.PostAsJsonAsync("/api/communes", new { name = "Xã sau sự cố" })).StatusCode);
        }
        finally
        {
            output.WriteLine(app.Output);
        }

        void Admin(string sql)
        {
            using var c = new NpgsqlConnection(Environment.GetEnvironmentVariable(TestPostgresDatabase.Variable));
            c.Open();
            using var command = new NpgsqlCommand(sql, c);
            command.ExecuteNonQuery();
        }
    }
}
