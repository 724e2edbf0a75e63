CREATE TABLE "station_duty_days" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"duty_date" date NOT NULL,
	"note" text,
	"scheduled_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "station_duty_days_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "station_members" (
	"org_id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "station_members_org_id_station_id_member_id_pk" PRIMARY KEY("org_id","station_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "station_visit_members" (
	"org_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "station_visit_members_org_id_visit_id_member_id_pk" PRIMARY KEY("org_id","visit_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "station_visits" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"visit_date" date NOT NULL,
	"visitor_name_encrypted" text NOT NULL,
	"visitor_phone_encrypted" text,
	"visitor_count" integer DEFAULT 1 NOT NULL,
	"matter" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"micro_suggestion_id" uuid,
	"converted_at" timestamp with time zone,
	"recorded_by" uuid NOT NULL,
	"recorded_by_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "station_visits_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "stations" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"address" text NOT NULL,
	"opening_hours" text NOT NULL,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stations_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "station_id" uuid;--> statement-breakpoint
ALTER TABLE "station_duty_days" ADD CONSTRAINT "station_duty_days_org_id_station_id_stations_org_id_id_fk" FOREIGN KEY ("org_id","station_id") REFERENCES "public"."stations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_members" ADD CONSTRAINT "station_members_org_id_station_id_stations_org_id_id_fk" FOREIGN KEY ("org_id","station_id") REFERENCES "public"."stations"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_visit_members" ADD CONSTRAINT "station_visit_members_org_id_visit_id_station_visits_org_id_id_fk" FOREIGN KEY ("org_id","visit_id") REFERENCES "public"."station_visits"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_visits" ADD CONSTRAINT "station_visits_org_id_station_id_stations_org_id_id_fk" FOREIGN KEY ("org_id","station_id") REFERENCES "public"."stations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "station_duty_days_once" ON "station_duty_days" USING btree ("org_id","station_id","member_id","duty_date");--> statement-breakpoint
CREATE INDEX "station_duty_days_date" ON "station_duty_days" USING btree ("org_id","duty_date");--> statement-breakpoint
CREATE INDEX "station_duty_days_member" ON "station_duty_days" USING btree ("org_id","member_id","duty_date");--> statement-breakpoint
CREATE INDEX "station_members_member" ON "station_members" USING btree ("org_id","member_id");--> statement-breakpoint
CREATE INDEX "station_visit_members_member" ON "station_visit_members" USING btree ("org_id","member_id");--> statement-breakpoint
CREATE INDEX "station_visits_station" ON "station_visits" USING btree ("org_id","station_id","visit_date");--> statement-breakpoint
CREATE INDEX "station_visits_date" ON "station_visits" USING btree ("org_id","visit_date");--> statement-breakpoint
CREATE UNIQUE INDEX "stations_name_unique" ON "stations" USING btree ("org_id","name");