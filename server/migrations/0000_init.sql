CREATE TABLE "appraisal_scores" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"appraisal_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"total" integer NOT NULL,
	"comment" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appraisal_scores_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "appraisals" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"session_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"min_scores" integer NOT NULL,
	"criteria" jsonb NOT NULL,
	"unit_ids" uuid[] DEFAULT '{}' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appraisals_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "session_archives" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"state" text DEFAULT 'building' NOT NULL,
	"proposal_count" integer NOT NULL,
	"file_count" integer,
	"size" bigint,
	"sha256" text,
	"storage_key" text,
	"error" text,
	"archived_by" uuid NOT NULL,
	"archived_by_name" text NOT NULL,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ready_at" timestamp with time zone,
	CONSTRAINT "session_archives_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "awards" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"proposal_id" uuid,
	"unit_id" uuid,
	"citation" text,
	"awarded_by" uuid NOT NULL,
	"awarded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "awards_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "co_handler_opinions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"text" text NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"sent_by" uuid NOT NULL,
	"sent_by_name" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "co_handler_opinions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "extension_requests" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"previous_due_on" date NOT NULL,
	"requested_due_on" date NOT NULL,
	"reason" text NOT NULL,
	"state" text DEFAULT 'requested' NOT NULL,
	"requested_by" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "extension_requests_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "handling_contacts" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"method" text NOT NULL,
	"contacted_on" date NOT NULL,
	"people" text NOT NULL,
	"summary" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handling_contacts_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "proposal_replies" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"round" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"text" text NOT NULL,
	"result_class" text,
	"unit_result_class" text,
	"contact_person" text NOT NULL,
	"contact_phone" text NOT NULL,
	"follow_up_due_on" date,
	"return_reason" text,
	"drafted_by" uuid NOT NULL,
	"drafted_by_name" text NOT NULL,
	"signed_off_by" uuid,
	"signed_off_by_name" text,
	"signed_off_at" timestamp with time zone,
	"released_by" uuid,
	"sent_at" timestamp with time zone,
	"due_on_at_send" date,
	"reopened_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_replies_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "reply_attachments" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"reply_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reply_attachments_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "reply_ratings" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"reply_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"member_id" uuid,
	"rated_by" uuid NOT NULL,
	"rating" text NOT NULL,
	"contacted" boolean,
	"addressed" boolean,
	"comment" text,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reply_ratings_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "key_proposals" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"recommender_kind" text NOT NULL,
	"recommender_name" text NOT NULL,
	"reason" text NOT NULL,
	"state" text DEFAULT 'recommended' NOT NULL,
	"supervisor_ids" uuid[] DEFAULT '{}' NOT NULL,
	"decline_reason" text,
	"recommended_by" uuid NOT NULL,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_proposals_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "leader_instructions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"leader_name" text NOT NULL,
	"instructed_on" date NOT NULL,
	"text" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leader_instructions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "supervision_activities" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"key_proposal_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"happened_on" date NOT NULL,
	"notes" text NOT NULL,
	"photo_ids" uuid[] DEFAULT '{}' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_activities_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "supervision_photos" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"key_proposal_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_photos_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"subject_type" text,
	"subject_id" uuid,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	CONSTRAINT "calendar_days_org_id_day_pk" PRIMARY KEY("org_id","day")
);
--> statement-breakpoint
CREATE TABLE "dictionary_entries" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dictionary_entries_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"level" text NOT NULL,
	"time_zone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"plenary_starts_on" date NOT NULL,
	"plenary_ends_on" date NOT NULL,
	"proposal_window_opens_on" date NOT NULL,
	"is_current" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "terms" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "terms_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "members" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"gender" text,
	"birth_year" integer,
	"ethnicity" text,
	"sector_id" uuid,
	"committee_id" uuid,
	"party_id" uuid,
	"group_id" uuid,
	"workplace" text,
	"position" text,
	"is_standing_committee" boolean DEFAULT false NOT NULL,
	"id_number_encrypted" text,
	"id_number_hash" text,
	"mobile_encrypted" text,
	"mobile_hash" text,
	"state" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"parent_id" uuid,
	"kind" text DEFAULT 'government' NOT NULL,
	"contact_name" text,
	"contact_mobile_encrypted" text,
	"address" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "user_roles_org_id_user_id_role_pk" PRIMARY KEY("org_id","user_id","role")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"mobile_encrypted" text,
	"mobile_hash" text,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"password_changed_at" timestamp with time zone,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"state" text DEFAULT 'active' NOT NULL,
	"totp_secret_encrypted" text,
	"totp_enabled" boolean DEFAULT false NOT NULL,
	"totp_last_step" integer,
	"member_id" uuid,
	"unit_id" uuid,
	"last_login_at" timestamp with time zone,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "proposal_attachments" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_attachments_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "assignment_batches" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"title" text NOT NULL,
	"document_number" text,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by" uuid NOT NULL,
	CONSTRAINT "assignment_batches_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "category_default_units" (
	"org_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "category_default_units_org_id_category_id_unit_id_pk" PRIMARY KEY("org_id","category_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "proposal_assignments" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"batch_id" uuid,
	"assigned_at" timestamp with time zone NOT NULL,
	"due_on" date NOT NULL,
	"adjustment_until" date NOT NULL,
	"signed_for_at" timestamp with time zone,
	"signed_for_by" uuid,
	"adjustment_reason" text,
	"adjustment_suggested_unit_id" uuid,
	"adjustment_requested_at" timestamp with time zone,
	"decision_reason" text,
	"replaced_by_id" uuid,
	"replied_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_assignments_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "proposal_co_signers" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"state" text DEFAULT 'invited' NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "proposal_co_signers_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "proposal_number_counters" (
	"org_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "proposal_number_counters_org_id_session_id_pk" PRIMARY KEY("org_id","session_id")
);
--> statement-breakpoint
CREATE TABLE "proposal_supplements" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_supplements_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"background" text DEFAULT '' NOT NULL,
	"suggestions" text DEFAULT '' NOT NULL,
	"category_id" uuid,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"agrees_to_publish" boolean DEFAULT true NOT NULL,
	"publication_refusal_reason" text,
	"author_type" text NOT NULL,
	"lead_member_id" uuid,
	"collective_author_id" uuid,
	"collective_author_name" text,
	"created_by" uuid NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"number" text,
	"submitted_at" timestamp with time zone,
	"co_signing_deadline" date,
	"filed_at" timestamp with time zone,
	"sequence" integer,
	"decision" jsonb,
	"merged_into_id" uuid,
	"converted_to" text,
	"assignment_mode" text,
	"assigned_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"rating_due_on" date,
	"rehandling_count" integer DEFAULT 0 NOT NULL,
	"closed_at" timestamp with time zone,
	"is_secret" boolean DEFAULT false NOT NULL,
	"publication_decision" text,
	"publication_decided_at" timestamp with time zone,
	"state_before_archive" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposals_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"number" text,
	"sequence" integer,
	"title" text NOT NULL,
	"proposer_names" text[] NOT NULL,
	"category_id" uuid,
	"category_name" text,
	"background" text NOT NULL,
	"suggestions" text NOT NULL,
	"replies" jsonb NOT NULL,
	"unit_names" text[] NOT NULL,
	"published_by" uuid NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publications_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "routing_history" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"category_id" uuid,
	"unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"import_id" uuid NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"occurred_at" timestamp with time zone,
	CONSTRAINT "routing_history_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "routing_models" (
	"org_id" uuid NOT NULL,
	"target" text NOT NULL,
	"trained_at" timestamp with time zone DEFAULT now() NOT NULL,
	"example_count" integer NOT NULL,
	"summary" jsonb NOT NULL,
	"weights" "bytea" NOT NULL,
	CONSTRAINT "routing_models_org_id_target_pk" PRIMARY KEY("org_id","target")
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"item_type" text NOT NULL,
	"session_id" uuid,
	"state" text,
	"category_id" uuid,
	"unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"number" text,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"words" "tsvector" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_documents_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"rule" text,
	"due_on" date NOT NULL,
	"message" text NOT NULL,
	"sent_by" uuid,
	"sent_by_name" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "login_sessions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"csrf_token" text NOT NULL,
	"fully_authenticated" text DEFAULT 'yes' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "login_sessions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "event_chain_heads" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"last_sequence" bigint DEFAULT 0 NOT NULL,
	"last_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"sequence" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"type" text NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"summary" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"result" text DEFAULT 'success' NOT NULL,
	"ip" text,
	"request_id" text,
	"hash_algorithm" text NOT NULL,
	"previous_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "events_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"status_code" integer,
	"response_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_org_id_user_id_key_pk" PRIMARY KEY("org_id","user_id","key")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid,
	"type" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"locked_until" timestamp with time zone,
	"locked_by" text,
	"last_error" text,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "co_handler_opinions" ADD CONSTRAINT "co_handler_opinions_org_id_assignment_id_proposal_assignments_org_id_id_fk" FOREIGN KEY ("org_id","assignment_id") REFERENCES "public"."proposal_assignments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_org_id_assignment_id_proposal_assignments_org_id_id_fk" FOREIGN KEY ("org_id","assignment_id") REFERENCES "public"."proposal_assignments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handling_contacts" ADD CONSTRAINT "handling_contacts_org_id_assignment_id_proposal_assignments_org_id_id_fk" FOREIGN KEY ("org_id","assignment_id") REFERENCES "public"."proposal_assignments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_replies" ADD CONSTRAINT "proposal_replies_org_id_proposal_id_proposals_org_id_id_fk" FOREIGN KEY ("org_id","proposal_id") REFERENCES "public"."proposals"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_attachments" ADD CONSTRAINT "reply_attachments_org_id_reply_id_proposal_replies_org_id_id_fk" FOREIGN KEY ("org_id","reply_id") REFERENCES "public"."proposal_replies"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_ratings" ADD CONSTRAINT "reply_ratings_org_id_reply_id_proposal_replies_org_id_id_fk" FOREIGN KEY ("org_id","reply_id") REFERENCES "public"."proposal_replies"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_org_id_term_id_terms_org_id_id_fk" FOREIGN KEY ("org_id","term_id") REFERENCES "public"."terms"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_attachments" ADD CONSTRAINT "proposal_attachments_org_id_proposal_id_proposals_org_id_id_fk" FOREIGN KEY ("org_id","proposal_id") REFERENCES "public"."proposals"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_assignments" ADD CONSTRAINT "proposal_assignments_org_id_proposal_id_proposals_org_id_id_fk" FOREIGN KEY ("org_id","proposal_id") REFERENCES "public"."proposals"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_co_signers" ADD CONSTRAINT "proposal_co_signers_org_id_proposal_id_proposals_org_id_id_fk" FOREIGN KEY ("org_id","proposal_id") REFERENCES "public"."proposals"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_supplements" ADD CONSTRAINT "proposal_supplements_org_id_proposal_id_proposals_org_id_id_fk" FOREIGN KEY ("org_id","proposal_id") REFERENCES "public"."proposals"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_org_id_proposal_id_proposals_org_id_id_fk" FOREIGN KEY ("org_id","proposal_id") REFERENCES "public"."proposals"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appraisal_scores_once" ON "appraisal_scores" USING btree ("org_id","appraisal_id","unit_id","member_id");--> statement-breakpoint
CREATE INDEX "appraisals_session" ON "appraisals" USING btree ("org_id","session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_archives_session" ON "session_archives" USING btree ("org_id","session_id");--> statement-breakpoint
CREATE INDEX "session_archives_state" ON "session_archives" USING btree ("state");--> statement-breakpoint
CREATE INDEX "awards_year" ON "awards" USING btree ("org_id","year","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "awards_once" ON "awards" USING btree ("org_id","year","kind",coalesce(proposal_id, unit_id));--> statement-breakpoint
CREATE UNIQUE INDEX "co_handler_opinions_assignment" ON "co_handler_opinions" USING btree ("org_id","assignment_id");--> statement-breakpoint
CREATE INDEX "co_handler_opinions_proposal" ON "co_handler_opinions" USING btree ("org_id","proposal_id");--> statement-breakpoint
CREATE INDEX "extension_requests_assignment" ON "extension_requests" USING btree ("org_id","assignment_id");--> statement-breakpoint
CREATE INDEX "extension_requests_state" ON "extension_requests" USING btree ("org_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "extension_requests_open_unique" ON "extension_requests" USING btree ("org_id","assignment_id") WHERE state = 'requested';--> statement-breakpoint
CREATE INDEX "handling_contacts_assignment" ON "handling_contacts" USING btree ("org_id","assignment_id");--> statement-breakpoint
CREATE INDEX "handling_contacts_proposal" ON "handling_contacts" USING btree ("org_id","proposal_id");--> statement-breakpoint
CREATE INDEX "proposal_replies_proposal" ON "proposal_replies" USING btree ("org_id","proposal_id");--> statement-breakpoint
CREATE INDEX "proposal_replies_assignment" ON "proposal_replies" USING btree ("org_id","assignment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_replies_round_unique" ON "proposal_replies" USING btree ("org_id","assignment_id","round") WHERE kind = 'reply';--> statement-breakpoint
CREATE INDEX "proposal_replies_statistics" ON "proposal_replies" USING btree ("org_id","proposal_id","id","assignment_id","kind","state","round","sent_at","due_on_at_send","reopened_at","result_class");--> statement-breakpoint
CREATE INDEX "reply_attachments_reply" ON "reply_attachments" USING btree ("org_id","reply_id");--> statement-breakpoint
CREATE INDEX "reply_attachments_proposal" ON "reply_attachments" USING btree ("org_id","proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reply_ratings_once" ON "reply_ratings" USING btree ("org_id","reply_id",coalesce(member_id, '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "reply_ratings_proposal" ON "reply_ratings" USING btree ("org_id","proposal_id");--> statement-breakpoint
CREATE INDEX "reply_ratings_statistics" ON "reply_ratings" USING btree ("org_id","proposal_id","reply_id","rating");--> statement-breakpoint
CREATE UNIQUE INDEX "key_proposals_proposal" ON "key_proposals" USING btree ("org_id","proposal_id");--> statement-breakpoint
CREATE INDEX "key_proposals_session" ON "key_proposals" USING btree ("org_id","session_id","state");--> statement-breakpoint
CREATE INDEX "leader_instructions_proposal" ON "leader_instructions" USING btree ("org_id","proposal_id");--> statement-breakpoint
CREATE INDEX "supervision_activities_key" ON "supervision_activities" USING btree ("org_id","key_proposal_id");--> statement-breakpoint
CREATE INDEX "supervision_photos_key" ON "supervision_photos" USING btree ("org_id","key_proposal_id");--> statement-breakpoint
CREATE INDEX "notifications_user" ON "notifications" USING btree ("org_id","user_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "dictionary_entries_code_unique" ON "dictionary_entries" USING btree ("org_id","kind","code");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_code_unique" ON "organizations" USING btree ("code");--> statement-breakpoint
CREATE INDEX "organizations_parent" ON "organizations" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_number_unique" ON "sessions" USING btree ("org_id","term_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_current_unique" ON "sessions" USING btree ("org_id") WHERE is_current;--> statement-breakpoint
CREATE UNIQUE INDEX "terms_number_unique" ON "terms" USING btree ("org_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "members_id_number_unique" ON "members" USING btree ("org_id","id_number_hash");--> statement-breakpoint
CREATE INDEX "members_name" ON "members" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "members_sector" ON "members" USING btree ("org_id","sector_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_code_unique" ON "units" USING btree ("org_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "units_name_unique" ON "units" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_unique" ON "users" USING btree ("username");--> statement-breakpoint
CREATE UNIQUE INDEX "users_mobile_unique" ON "users" USING btree ("mobile_hash");--> statement-breakpoint
CREATE INDEX "users_org" ON "users" USING btree ("org_id","display_name");--> statement-breakpoint
CREATE INDEX "proposal_attachments_proposal" ON "proposal_attachments" USING btree ("org_id","proposal_id");--> statement-breakpoint
CREATE INDEX "assignment_batches_session" ON "assignment_batches" USING btree ("org_id","session_id");--> statement-breakpoint
CREATE INDEX "proposal_assignments_proposal" ON "proposal_assignments" USING btree ("org_id","proposal_id");--> statement-breakpoint
CREATE INDEX "proposal_assignments_unit" ON "proposal_assignments" USING btree ("org_id","unit_id","state");--> statement-breakpoint
CREATE INDEX "proposal_assignments_statistics" ON "proposal_assignments" USING btree ("org_id","proposal_id","id","unit_id","state","role","due_on","replied_at");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_assignments_live_unique" ON "proposal_assignments" USING btree ("org_id","proposal_id","unit_id") WHERE state <> 'reassigned';--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_co_signers_member_unique" ON "proposal_co_signers" USING btree ("org_id","proposal_id","member_id");--> statement-breakpoint
CREATE INDEX "proposal_co_signers_member" ON "proposal_co_signers" USING btree ("org_id","member_id");--> statement-breakpoint
CREATE INDEX "proposal_supplements_proposal" ON "proposal_supplements" USING btree ("org_id","proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_number_unique" ON "proposals" USING btree ("org_id","session_id","number");--> statement-breakpoint
CREATE INDEX "proposals_session_state" ON "proposals" USING btree ("org_id","session_id","state");--> statement-breakpoint
CREATE INDEX "proposals_lead_member" ON "proposals" USING btree ("org_id","lead_member_id");--> statement-breakpoint
CREATE INDEX "proposals_created_by" ON "proposals" USING btree ("org_id","created_by");--> statement-breakpoint
CREATE INDEX "proposals_merged_into" ON "proposals" USING btree ("org_id","merged_into_id");--> statement-breakpoint
CREATE INDEX "proposals_session_sequence" ON "proposals" USING btree ("org_id","session_id","sequence","id");--> statement-breakpoint
CREATE INDEX "proposals_submitted_at" ON "proposals" USING btree ("org_id","state","submitted_at");--> statement-breakpoint
CREATE INDEX "proposals_statistics" ON "proposals" USING btree ("org_id","session_id","id","state","state_before_archive","filed_at","assigned_at","replied_at","category_id","lead_member_id","author_type");--> statement-breakpoint
CREATE UNIQUE INDEX "publications_proposal" ON "publications" USING btree ("org_id","proposal_id");--> statement-breakpoint
CREATE INDEX "publications_session" ON "publications" USING btree ("org_id","session_id","sequence");--> statement-breakpoint
CREATE INDEX "publications_recent" ON "publications" USING btree ("org_id","published_at");--> statement-breakpoint
CREATE INDEX "routing_history_import" ON "routing_history" USING btree ("org_id","import_id");--> statement-breakpoint
CREATE INDEX "search_documents_words" ON "search_documents" USING gin ("words");--> statement-breakpoint
CREATE INDEX "search_documents_recent" ON "search_documents" USING btree ("org_id","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "search_documents_session_recent" ON "search_documents" USING btree ("org_id","session_id","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "reminders_assignment" ON "reminders" USING btree ("org_id","assignment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reminders_rule_once" ON "reminders" USING btree ("org_id","assignment_id","rule","due_on") WHERE kind = 'scheduled';--> statement-breakpoint
CREATE UNIQUE INDEX "login_sessions_token_unique" ON "login_sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "login_sessions_user" ON "login_sessions" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "events_chain" ON "events" USING btree ("org_id","sequence");--> statement-breakpoint
CREATE INDEX "events_subject" ON "events" USING btree ("org_id","subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "events_type_time" ON "events" USING btree ("org_id","type","occurred_at");--> statement-breakpoint
CREATE INDEX "events_actor" ON "events" USING btree ("org_id","actor_id","occurred_at");--> statement-breakpoint
CREATE INDEX "jobs_due" ON "jobs" USING btree ("state","run_at");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_dedupe_unique" ON "jobs" USING btree ("dedupe_key");