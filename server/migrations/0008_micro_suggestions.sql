CREATE TABLE "micro_suggestion_counters" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "micro_suggestion_counters_org_id_year_pk" PRIMARY KEY("org_id","year")
);
--> statement-breakpoint
CREATE TABLE "micro_suggestion_photos" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"micro_suggestion_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "micro_suggestion_photos_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "micro_suggestion_publications" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text,
	"title" text NOT NULL,
	"place" text NOT NULL,
	"problem" text NOT NULL,
	"suggestion" text NOT NULL,
	"reply" text NOT NULL,
	"member_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"unit_name" text,
	"handling_mode" text NOT NULL,
	"before_photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"after_photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"submitted_on" date NOT NULL,
	"resolved_on" date NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid NOT NULL,
	CONSTRAINT "micro_suggestion_publications_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "micro_suggestions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text,
	"year" integer,
	"sequence" integer,
	"title" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"problem" text DEFAULT '' NOT NULL,
	"suggestion" text DEFAULT '' NOT NULL,
	"lead_member_id" uuid NOT NULL,
	"member_ids" uuid[] NOT NULL,
	"created_by" uuid NOT NULL,
	"source" text DEFAULT 'member' NOT NULL,
	"station_id" uuid,
	"visit_id" uuid,
	"category_id" uuid,
	"state" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"decision" jsonb,
	"merged_into_id" uuid,
	"converted_proposal_id" uuid,
	"handling_mode" text,
	"transferred_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"rating_due_on" date,
	"rehandling_count" integer DEFAULT 0 NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	"member_report" text,
	"member_reported_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "micro_suggestions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "micro_suggestion_photos" ADD CONSTRAINT "micro_suggestion_photos_org_id_micro_suggestion_id_micro_suggestions_org_id_id_fk" FOREIGN KEY ("org_id","micro_suggestion_id") REFERENCES "public"."micro_suggestions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "micro_suggestion_publications" ADD CONSTRAINT "micro_suggestion_publications_org_id_id_micro_suggestions_org_id_id_fk" FOREIGN KEY ("org_id","id") REFERENCES "public"."micro_suggestions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "micro_suggestion_photos_item" ON "micro_suggestion_photos" USING btree ("org_id","micro_suggestion_id");--> statement-breakpoint
CREATE INDEX "micro_suggestion_publications_recent" ON "micro_suggestion_publications" USING btree ("org_id","published_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "micro_suggestions_state" ON "micro_suggestions" USING btree ("org_id","state","submitted_at");--> statement-breakpoint
CREATE INDEX "micro_suggestions_submitted" ON "micro_suggestions" USING btree ("org_id","submitted_at","id");--> statement-breakpoint
CREATE INDEX "micro_suggestions_lead" ON "micro_suggestions" USING btree ("org_id","lead_member_id");--> statement-breakpoint
CREATE INDEX "micro_suggestions_members" ON "micro_suggestions" USING gin ("member_ids");--> statement-breakpoint
CREATE INDEX "micro_suggestions_merged_into" ON "micro_suggestions" USING btree ("org_id","merged_into_id");--> statement-breakpoint
CREATE INDEX "micro_suggestions_visit" ON "micro_suggestions" USING btree ("org_id","visit_id");