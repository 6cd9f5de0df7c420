-- DingTalk (issue 19): people are matched by their DingTalk userId (the staff id a robot message
-- carries as senderStaffId), like the other platforms' id columns.
ALTER TABLE users ADD COLUMN dingtalk_user_id text;
CREATE INDEX users_dingtalk_idx ON users(dingtalk_user_id) WHERE dingtalk_user_id IS NOT NULL;
