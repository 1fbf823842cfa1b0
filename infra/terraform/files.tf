# Object storage for files: private, encrypted at rest, no versioning (a deleted file — retention,
# erasure — must be gone, not kept as an old version), and multipart uploads that never finished are
# cleaned up. The API's policy (iam.tf) grants object reads/writes/deletes and listing on this bucket only.
locals {
  files_bucket_name = coalesce(var.files_bucket_name, "${var.name}-files-${data.aws_caller_identity.current.account_id}")
}

resource "aws_s3_bucket" "files" {
  bucket        = local.files_bucket_name
  force_destroy = var.files_force_destroy
  tags          = var.tags
}

resource "aws_s3_bucket_public_access_block" "files" {
  bucket                  = aws_s3_bucket.files.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "files" {
  bucket = aws_s3_bucket.files.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "files" {
  bucket = aws_s3_bucket.files.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.kms_key_arn == null ? "AES256" : "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
    bucket_key_enabled = var.kms_key_arn != null
  }
}

resource "aws_s3_bucket_versioning" "files" {
  bucket = aws_s3_bucket.files.id
  versioning_configuration {
    status = "Disabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "files" {
  bucket = aws_s3_bucket.files.id
  rule {
    id     = "abort-incomplete-uploads"
    status = "Enabled"
    filter {}
    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }
}

# Files are only ever fetched through the API (GET /files/<id>), never from the bucket over plain HTTP.
data "aws_iam_policy_document" "files_bucket" {
  statement {
    sid     = "TlsOnly"
    effect  = "Deny"
    actions = ["s3:*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    resources = [aws_s3_bucket.files.arn, "${aws_s3_bucket.files.arn}/*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "files" {
  bucket     = aws_s3_bucket.files.id
  policy     = data.aws_iam_policy_document.files_bucket.json
  depends_on = [aws_s3_bucket_public_access_block.files]
}
