# Build with the SDK, run on the ASP.NET runtime as a non-root user; data lives in a volume.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ChatBot.sln ./
COPY Bot.Domain/Bot.Domain.csproj Bot.Domain/
COPY Bot/Bot.csproj Bot/
RUN dotnet restore Bot/Bot.csproj
COPY . .
RUN dotnet publish Bot/Bot.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# OCR of scans and photos (Tesseract with its Vietnamese models, poppler's pdftoppm), Word 97-2003 .doc files sent to the
# office's desk (LibreOffice's headless converter), and a font with diacritics.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-vie tesseract-ocr-script-viet poppler-utils \
       libreoffice-writer-nogui fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    Storage__Path=/data/bot.db \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
RUN mkdir -p /data && chown app:app /data
VOLUME ["/data"]
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "Bot.dll"]
