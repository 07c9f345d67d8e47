-- Delivered webhook deliveries are kept for a while (the log), then dropped by WebhookHousekeeping.
create index webhook_delivery_delivered on webhook_delivery (delivered_at) where status = 'DELIVERED';
