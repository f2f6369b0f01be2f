# The standalone server (src/Alerts.Server) as a container image: the same pipeline as the Functions app.
#   docker build -t alerts-server .
#   docker compose up          # with Azurite, see compose.yaml
# It listens where ASPNETCORE_HTTP_PORTS (8080 in the .NET images) or ASPNETCORE_URLS say, runs as the image's
# non-root user, and stops cleanly on SIGTERM (in-flight sends finish within Queues:DrainTimeout, the rest is given back).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props host.json ./
COPY src/ src/
RUN dotnet publish src/Alerts.Server/Alerts.Server.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_gcServer=0
EXPOSE 8080
USER $APP_UID
# Exec form: the server is PID 1's child-free process and gets SIGTERM itself.
ENTRYPOINT ["dotnet", "Alerts.Server.dll"]
