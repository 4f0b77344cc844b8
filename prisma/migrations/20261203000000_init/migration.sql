-- CreateTable
CREATE TABLE "Portal" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'portal',
    "portalId" TEXT NOT NULL,
    "ownerUsername" TEXT NOT NULL,
    "ownerEmail" TEXT NOT NULL,
    "ownerDisplayName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Terminal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "icon" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL DEFAULT '',
    "pairedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME
);

-- CreateTable
CREATE TABLE "PairingCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "codeHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "failedAttempts" INTEGER NOT NULL DEFAULT 0,
    "createdByTerminalId" TEXT,
    "pairedTerminalId" TEXT,
    CONSTRAINT "PairingCode_createdByTerminalId_fkey" FOREIGN KEY ("createdByTerminalId") REFERENCES "Terminal" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PairingCode_pairedTerminalId_fkey" FOREIGN KEY ("pairedTerminalId") REFERENCES "Terminal" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "terminalId" TEXT,
    "clientAddress" TEXT NOT NULL DEFAULT '',
    "detail" TEXT NOT NULL DEFAULT '{}'
);

-- CreateTable
CREATE TABLE "App" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "stateReason" TEXT NOT NULL DEFAULT '',
    "settings" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AccessRule" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "appName" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "access" TEXT NOT NULL,
    "headers" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "AccessRule_appName_fkey" FOREIGN KEY ("appName") REFERENCES "App" ("name") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AppSecret" (
    "appName" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    PRIMARY KEY ("appName", "key")
);

-- CreateTable
CREATE TABLE "StateVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE UNIQUE INDEX "Portal_portalId_key" ON "Portal"("portalId");

-- CreateIndex
CREATE INDEX "Terminal_revokedAt_idx" ON "Terminal"("revokedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PairingCode_codeHash_key" ON "PairingCode"("codeHash");

-- CreateIndex
CREATE INDEX "PairingCode_createdByTerminalId_idx" ON "PairingCode"("createdByTerminalId");

-- CreateIndex
CREATE INDEX "PairingCode_pairedTerminalId_idx" ON "PairingCode"("pairedTerminalId");

-- CreateIndex
CREATE INDEX "PairingCode_expiresAt_idx" ON "PairingCode"("expiresAt");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_terminalId_idx" ON "AuditEvent"("terminalId");

-- CreateIndex
CREATE INDEX "AccessRule_appName_idx" ON "AccessRule"("appName");

-- CreateIndex
CREATE UNIQUE INDEX "AccessRule_appName_prefix_key" ON "AccessRule"("appName", "prefix");

