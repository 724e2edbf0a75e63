CREATE TABLE "handled_items" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"session_id" uuid,
	"number" text,
	"title" text NOT NULL,
	"state" text NOT NULL,
	"phase" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handled_items_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE INDEX "handled_items_phase" ON "handled_items" USING btree ("org_id","phase","kind");
--> statement-breakpoint
CREATE INDEX "handled_items_session" ON "handled_items" USING btree ("org_id","session_id");
--> statement-breakpoint
ALTER TABLE "proposal_assignments" DROP CONSTRAINT "proposal_assignments_org_id_proposal_id_proposals_org_id_id_fk";
--> statement-breakpoint
ALTER TABLE "proposal_assignments" RENAME TO "item_assignments";
--> statement-breakpoint
ALTER TABLE "item_assignments" RENAME COLUMN "proposal_id" TO "item_id";
--> statement-breakpoint
ALTER TABLE "item_assignments" RENAME CONSTRAINT "proposal_assignments_org_id_id_pk" TO "item_assignments_org_id_id_pk";
--> statement-breakpoint
ALTER INDEX "proposal_assignments_proposal" RENAME TO "item_assignments_item";
--> statement-breakpoint
ALTER INDEX "proposal_assignments_unit" RENAME TO "item_assignments_unit";
--> statement-breakpoint
ALTER INDEX "proposal_assignments_statistics" RENAME TO "item_assignments_statistics";
--> statement-breakpoint
ALTER INDEX "proposal_assignments_live_unique" RENAME TO "item_assignments_live_unique";
--> statement-breakpoint
ALTER TABLE "proposal_replies" DROP CONSTRAINT "proposal_replies_org_id_proposal_id_proposals_org_id_id_fk";
--> statement-breakpoint
ALTER TABLE "proposal_replies" RENAME TO "item_replies";
--> statement-breakpoint
ALTER TABLE "item_replies" RENAME COLUMN "proposal_id" TO "item_id";
--> statement-breakpoint
ALTER TABLE "item_replies" RENAME CONSTRAINT "proposal_replies_org_id_id_pk" TO "item_replies_org_id_id_pk";
--> statement-breakpoint
ALTER INDEX "proposal_replies_proposal" RENAME TO "item_replies_item";
--> statement-breakpoint
ALTER INDEX "proposal_replies_assignment" RENAME TO "item_replies_assignment";
--> statement-breakpoint
ALTER INDEX "proposal_replies_round_unique" RENAME TO "item_replies_round_unique";
--> statement-breakpoint
ALTER INDEX "proposal_replies_statistics" RENAME TO "item_replies_statistics";
--> statement-breakpoint
ALTER TABLE "handling_contacts" RENAME COLUMN "proposal_id" TO "item_id";
--> statement-breakpoint
ALTER TABLE "handling_contacts" RENAME CONSTRAINT "handling_contacts_org_id_assignment_id_proposal_assignments_org_id_id_fk" TO "handling_contacts_org_id_assignment_id_item_assignments_org_id_id_fk";
--> statement-breakpoint
ALTER TABLE "co_handler_opinions" RENAME COLUMN "proposal_id" TO "item_id";
--> statement-breakpoint
ALTER TABLE "co_handler_opinions" RENAME CONSTRAINT "co_handler_opinions_org_id_assignment_id_proposal_assignments_org_id_id_fk" TO "co_handler_opinions_org_id_assignment_id_item_assignments_org_id_id_fk";
--> statement-breakpoint
ALTER TABLE "extension_requests" RENAME COLUMN "proposal_id" TO "item_id";
--> statement-breakpoint
ALTER TABLE "extension_requests" RENAME CONSTRAINT "extension_requests_org_id_assignment_id_proposal_assignments_org_id_id_fk" TO "extension_requests_org_id_assignment_id_item_assignments_org_id_id_fk";
--> statement-breakpoint
ALTER INDEX "handling_contacts_proposal" RENAME TO "handling_contacts_item";
--> statement-breakpoint
ALTER INDEX "co_handler_opinions_proposal" RENAME TO "co_handler_opinions_item";
--> statement-breakpoint
ALTER TABLE "reply_attachments" RENAME COLUMN "proposal_id" TO "item_id";
--> statement-breakpoint
ALTER TABLE "reply_attachments" RENAME CONSTRAINT "reply_attachments_org_id_reply_id_proposal_replies_org_id_id_fk" TO "reply_attachments_org_id_reply_id_item_replies_org_id_id_fk";
--> statement-breakpoint
ALTER INDEX "reply_attachments_proposal" RENAME TO "reply_attachments_item";
--> statement-breakpoint
ALTER TABLE "reply_ratings" RENAME COLUMN "proposal_id" TO "item_id";
--> statement-breakpoint
ALTER TABLE "reply_ratings" RENAME CONSTRAINT "reply_ratings_org_id_reply_id_proposal_replies_org_id_id_fk" TO "reply_ratings_org_id_reply_id_item_replies_org_id_id_fk";
--> statement-breakpoint
ALTER INDEX "reply_ratings_proposal" RENAME TO "reply_ratings_item";
--> statement-breakpoint
ALTER TABLE "reminders" RENAME COLUMN "proposal_id" TO "item_id";
--> statement-breakpoint
-- Every proposal that went to a unit becomes a handled item with its own id, state and phase (decision 0016).
INSERT INTO "handled_items" ("org_id", "id", "kind", "session_id", "number", "title", "state", "phase", "created_at", "updated_at")
SELECT p."org_id", p."id", 'proposal', p."session_id", p."number", p."title", p."state",
	CASE p."state"
		WHEN 'assigned' THEN 'handling'
		WHEN 'rehandling' THEN 'handling'
		WHEN 'replied' THEN 'replied'
		WHEN 'closed' THEN 'closed'
		WHEN 'archived' THEN 'archived'
		ELSE 'waiting'
	END,
	p."created_at", p."updated_at"
FROM "proposals" p
WHERE EXISTS (SELECT 1 FROM "item_assignments" a WHERE a."org_id" = p."org_id" AND a."item_id" = p."id")
	OR EXISTS (SELECT 1 FROM "item_replies" r WHERE r."org_id" = p."org_id" AND r."item_id" = p."id");
--> statement-breakpoint
ALTER TABLE "item_assignments" ADD CONSTRAINT "item_assignments_org_id_item_id_handled_items_org_id_id_fk" FOREIGN KEY ("org_id","item_id") REFERENCES "public"."handled_items"("org_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "item_replies" ADD CONSTRAINT "item_replies_org_id_item_id_handled_items_org_id_id_fk" FOREIGN KEY ("org_id","item_id") REFERENCES "public"."handled_items"("org_id","id") ON DELETE no action ON UPDATE no action;
