<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0">
  <xsl:template match="tei:orgName"><xsl:message terminate="yes">no organisations here</xsl:message></xsl:template>
</xsl:stylesheet>
