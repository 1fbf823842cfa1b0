# Least privilege for the API: item and query actions on this project's tables and their indexes only
# (the action lists are generated into permissions.tf.json and checked against the code by a test).
locals {
  table_arns = [for table in values(local.tables) : table.arn]
  index_arns = [for table in values(local.tables) : "${table.arn}/index/*"]
}

data "aws_iam_policy_document" "api" {
  statement {
    sid       = "Tables"
    actions   = local.api_table_actions
    resources = local.table_arns
  }

  statement {
    sid       = "Indexes"
    actions   = local.api_index_actions
    resources = local.index_arns
  }

  statement {
    sid       = "FilesObjects"
    actions   = local.api_bucket_object_actions
    resources = ["${aws_s3_bucket.files.arn}/*"]
  }

  statement {
    sid       = "FilesBucket"
    actions   = local.api_bucket_actions
    resources = [aws_s3_bucket.files.arn]
  }

  dynamic "statement" {
    for_each = var.kms_key_arn == null ? [] : [1]
    content {
      sid       = "FilesKey"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [var.kms_key_arn]
    }
  }

  dynamic "statement" {
    for_each = var.api_auto_provision ? [1] : []
    content {
      sid       = "AutoProvision"
      actions   = local.auto_provision_actions
      resources = local.table_arns
    }
  }

  dynamic "statement" {
    for_each = var.openai_key_secret_name == null ? [] : [1]
    content {
      sid     = "OpenAiKey"
      actions = ["secretsmanager:GetSecretValue"]
      # Secrets Manager appends a random 6-character suffix to secret ARNs.
      resources = ["arn:${data.aws_partition.current.partition}:secretsmanager:${var.aws_region}:${data.aws_caller_identity.current.account_id}:secret:${var.openai_key_secret_name}-??????"]
    }
  }
}

resource "aws_iam_policy" "api" {
  name        = "${var.name}-api"
  description = "Agents CRM API: its DynamoDB tables (items, queries), its files bucket and, if configured, its OpenAI key secret."
  policy      = data.aws_iam_policy_document.api.json
}

# For people and CI running `npm run db:provision` or `npm run db:migrate` against these tables.
data "aws_iam_policy_document" "operator" {
  statement {
    sid       = "Tables"
    actions   = local.operator_table_actions
    resources = local.table_arns
  }

  statement {
    sid       = "Indexes"
    actions   = local.operator_index_actions
    resources = local.index_arns
  }
}

resource "aws_iam_policy" "operator" {
  name        = "${var.name}-operator"
  description = "Agents CRM operators: provisioning, backfill and migration of its DynamoDB tables."
  policy      = data.aws_iam_policy_document.operator.json
}
